variable "name" {
  description = "The security group's name."
  type        = string
}

variable "description" {
  description = "What the security group lets in, for the console."
  type        = string
}

variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "client_security_group_id" {
  description = "The only security group let in: the EKS nodes' and pods'."
  type        = string
}

variable "port" {
  description = "The server's port."
  type        = number
}

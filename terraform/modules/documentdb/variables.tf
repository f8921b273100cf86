variable "name" {
  description = "Prefix of the resources' names."
  type        = string
}

variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "subnet_ids" {
  description = "The data subnets, one per zone."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "The only security group let in: the EKS nodes' and pods'."
  type        = string
}

variable "instance_class" {
  description = "DocumentDB instance class."
  type        = string
}

variable "instances" {
  description = "Instances in the cluster: one primary, the others replicas in other zones that take over."
  type        = number
}

variable "engine_version" {
  description = "DocumentDB version (MongoDB API compatibility)."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (and take a final snapshot when it is deleted anyway)."
  type        = bool
}

variable "password" {
  description = "The application's password (user erp); letters and digits only, as it is written into a URI."
  type        = string
  sensitive   = true
}

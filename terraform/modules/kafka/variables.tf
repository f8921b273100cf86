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

variable "kafka_version" {
  description = "Kafka version (the services' clients are 3.9)."
  type        = string
}

variable "instance_type" {
  description = "MSK broker instance type."
  type        = string
}

variable "brokers" {
  description = "Brokers, a multiple of the zones (three: each partition's three copies in three zones)."
  type        = number
}

variable "volume_size" {
  description = "Each broker's storage, in GiB."
  type        = number
}

variable "username" {
  description = "The SCRAM user the services sign in as."
  type        = string
}

variable "password" {
  description = "The SCRAM user's password."
  type        = string
  sensitive   = true
}

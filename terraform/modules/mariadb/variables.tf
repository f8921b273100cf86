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
  description = "RDS instance class."
  type        = string
}

variable "engine_version" {
  description = "MariaDB version (employee-service uses the MariaDB driver and dialect; Flyway migrates the schema)."
  type        = string
}

variable "allocated_storage" {
  description = "Storage at first, in GiB; RDS grows it up to max_allocated_storage."
  type        = number
}

variable "max_allocated_storage" {
  description = "The most storage RDS may grow to, in GiB."
  type        = number
}

variable "multi_az" {
  description = "A standby in a second zone, taking over on failure."
  type        = bool
}

variable "deletion_protection" {
  description = "Refuse to delete the database (and take a final snapshot when it is deleted anyway)."
  type        = bool
}

variable "password" {
  description = "The application's password (user erp)."
  type        = string
  sensitive   = true
}

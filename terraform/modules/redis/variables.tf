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

variable "node_type" {
  description = "ElastiCache node type."
  type        = string
}

variable "replicas" {
  description = "Replicas of the primary, in other zones; one or more makes failover automatic."
  type        = number
}

variable "engine_version" {
  description = "Redis OSS version (approval-processing runs Lua scripts; notification uses pub/sub)."
  type        = string
}

variable "auth_token" {
  description = "The AUTH password the services give (SPRING_DATA_REDIS_PASSWORD)."
  type        = string
  sensitive   = true
}

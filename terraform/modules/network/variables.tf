variable "name" {
  description = "Prefix of every resource name (name-environment)."
  type        = string
}

variable "cidr" {
  description = "The VPC's address range; split into public, private (nodes, pods) and data subnets per zone."
  type        = string
}

variable "availability_zones" {
  description = "The zones to spread over (three for MSK's and the databases' copies)."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One NAT gateway for every zone (cheaper, for dev) instead of one per zone."
  type        = bool
}

variable "cluster_name" {
  description = "The EKS cluster's name, for the subnet tags its load balancers are placed by."
  type        = string
}

variable "name" {
  description = "The cluster's name."
  type        = string
}

variable "kubernetes_version" {
  description = "EKS's Kubernetes version."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the nodes and pods."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "Where the API server may be reached from outside the VPC; empty: from inside only."
  type        = list(string)
}

variable "admin_principal_arns" {
  description = "IAM roles or users given cluster administration (EKS access entries)."
  type        = list(string)
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
}

variable "node_count" {
  description = "Smallest, wanted and largest number of nodes."
  type = object({
    min     = number
    desired = number
    max     = number
  })
}

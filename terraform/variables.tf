variable "name" {
  description = "The system's short name, the first part of every resource name."
  type        = string
  default     = "erp"
}

variable "environment" {
  description = "Which environment this is (dev, prod): the second part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.environment))
    error_message = "environment: 2 to 12 lower-case letters and digits, starting with a letter."
  }
}

variable "region" {
  description = "The AWS region."
  type        = string
  default     = "ap-northeast-2"
}

variable "vpc_cidr" {
  description = "The VPC's address range (a /16: each zone gets /20 subnets)."
  type        = string
  default     = "10.20.0.0/16"
}

variable "zones" {
  description = "How many availability zones to spread over: 3 (MSK keeps a copy of each partition in each)."
  type        = number
  default     = 3

  validation {
    condition     = var.zones >= 2 && var.zones <= 3
    error_message = "zones: 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for every zone: cheaper, for dev; a zone's outage then cuts the others' way out."
  type        = bool
  default     = false
}

variable "kubernetes_version" {
  description = "EKS's Kubernetes version."
  type        = string
  default     = "1.33"
}

variable "cluster_public_access_cidrs" {
  description = "Where the Kubernetes API may be reached from outside the VPC (an office, a CI runner); empty: nowhere."
  type        = list(string)
  default     = []
}

variable "cluster_admin_principal_arns" {
  description = "IAM roles or users that administer the cluster (kubectl apply -k k8s/overlays/aws)."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "The EKS nodes' instance types."
  type        = list(string)
  default     = ["m7i.large"]
}

variable "node_count" {
  description = "Smallest, wanted and largest number of EKS nodes."
  type = object({
    min     = number
    desired = number
    max     = number
  })
  default = { min = 3, desired = 3, max = 9 }
}

variable "database" {
  description = "RDS for MariaDB (employee-service)."
  type = object({
    instance_class        = string
    engine_version        = string
    allocated_storage     = number
    max_allocated_storage = number
    multi_az              = bool
  })
  default = {
    instance_class        = "db.m7g.large"
    engine_version        = "11.4"
    allocated_storage     = 50
    max_allocated_storage = 500
    multi_az              = true
  }
}

variable "documentdb" {
  description = "DocumentDB (approval-request)."
  type = object({
    instance_class = string
    instances      = number
    engine_version = string
  })
  default = {
    instance_class = "db.r6g.large"
    instances      = 2
    engine_version = "5.0.0"
  }
}

variable "redis" {
  description = "ElastiCache for Redis OSS (approval-processing, notification)."
  type = object({
    node_type      = string
    replicas       = number
    engine_version = string
  })
  default = {
    node_type      = "cache.r7g.large"
    replicas       = 1
    engine_version = "7.1"
  }
}

variable "kafka" {
  description = "MSK (every service): brokers are a multiple of the zones."
  type = object({
    version       = string
    instance_type = string
    brokers       = number
    volume_size   = number
  })
  default = {
    version       = "3.9.x"
    instance_type = "kafka.m7g.large"
    brokers       = 3
    volume_size   = 100
  }

  validation {
    condition     = var.kafka.brokers % var.zones == 0
    error_message = "kafka.brokers: a multiple of zones (MSK puts as many brokers in each zone)."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the databases, and snapshot them when deleted anyway; false only for throw-away environments."
  type        = bool
  default     = true
}

variable "ingress_node_port" {
  description = "The node port of ingress-nginx's HTTP Service (type NodePort), where the internal load balancer sends."
  type        = number
  default     = 30080

  validation {
    condition     = var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767
    error_message = "ingress_node_port: within Kubernetes' node port range, 30000-32767."
  }
}

variable "site_aliases" {
  description = "The site's own host names on CloudFront; empty: CloudFront's *.cloudfront.net name only."
  type        = list(string)
  default     = []
}

variable "site_certificate_arn" {
  description = "ACM certificate (in us-east-1) covering site_aliases."
  type        = string
  default     = ""

  validation {
    condition     = length(var.site_aliases) == 0 || var.site_certificate_arn != ""
    error_message = "site_certificate_arn: needed when site_aliases are given."
  }
}

variable "name" {
  description = "Prefix of the resources' names."
  type        = string
}

variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "vpc_cidr" {
  description = "The VPC's address range: CloudFront's VPC origin reaches the load balancer from inside it."
  type        = string
}

variable "subnet_ids" {
  description = "The private subnets the load balancer is placed in, one per zone."
  type        = list(string)
}

variable "node_autoscaling_group_name" {
  description = "The EKS nodes' Auto Scaling group, whose instances the load balancer sends to."
  type        = string
}

variable "node_security_group_id" {
  description = "The nodes' security group, which must let the load balancer in on the ingress's node port."
  type        = string
}

variable "ingress_node_port" {
  description = "The node port of ingress-nginx's HTTP (its Service of type NodePort: README.md)."
  type        = number
}

variable "aliases" {
  description = "The site's own host names (e.g. approval.example.com); empty: only CloudFront's."
  type        = list(string)
}

variable "certificate_arn" {
  description = "An ACM certificate in us-east-1 for the aliases; empty with no aliases."
  type        = string
}

variable "price_class" {
  description = "Which edge locations serve (PriceClass_200 includes Korea and Japan)."
  type        = string
}

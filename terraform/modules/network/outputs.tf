output "vpc_id" {
  description = "The VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "The VPC's address range."
  value       = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  description = "Subnets of the EKS nodes and pods, and of the ingress's internal load balancer."
  value       = aws_subnet.private[*].id
}

output "data_subnet_ids" {
  description = "Subnets of the managed servers (no route to the internet)."
  value       = aws_subnet.data[*].id
}

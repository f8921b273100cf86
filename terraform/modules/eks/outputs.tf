output "cluster_name" {
  description = "The cluster's name (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "The Kubernetes API server."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_security_group_id" {
  description = "The security group EKS gives the nodes and pods: the managed servers let it in."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "node_autoscaling_group_name" {
  description = "The node group's Auto Scaling group: the ingress's load balancer sends to its instances."
  value       = aws_eks_node_group.this.resources[0].autoscaling_groups[0].name
}

output "security_group_id" {
  description = "The security group to give the server."
  value       = aws_security_group.this.id
}

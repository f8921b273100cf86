output "host" {
  description = "The primary's address (SPRING_DATA_REDIS_HOST); it moves to a replica on failover."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "The port (SPRING_DATA_REDIS_PORT)."
  value       = aws_elasticache_replication_group.this.port
}

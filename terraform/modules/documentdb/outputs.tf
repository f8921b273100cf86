output "mongodb_uri" {
  description = "approval-request's SPRING_DATA_MONGODB_URI: TLS, the replica set, no retryable writes (DocumentDB has none)."
  value       = "mongodb://erp:${var.password}@${aws_docdb_cluster.this.endpoint}:${aws_docdb_cluster.this.port}/erp?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false&authSource=admin"
  sensitive   = true
}

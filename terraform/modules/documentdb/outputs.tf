output "mongodb_uri" {
  # readPreference=primary: approval-request reads its own writes (a saved draft, the next document number, the
  # outbox marks), and DocumentDB's replicas lag; the second instance is the failover target.
  description = "approval-request's SPRING_DATA_MONGODB_URI: TLS, the replica set, reads from the primary, no retryable writes (DocumentDB has none)."
  value       = "mongodb://erp:${var.password}@${aws_docdb_cluster.this.endpoint}:${aws_docdb_cluster.this.port}/erp?tls=true&replicaSet=rs0&readPreference=primary&retryWrites=false&authSource=admin"
  sensitive   = true
}

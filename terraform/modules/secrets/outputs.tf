output "database_password" {
  description = "MariaDB's password for user erp."
  value       = random_password.database.result
  sensitive   = true
}

output "documentdb_password" {
  description = "DocumentDB's password for user erp."
  value       = random_password.documentdb.result
  sensitive   = true
}

output "redis_auth_token" {
  description = "ElastiCache's AUTH password."
  value       = random_password.redis.result
  sensitive   = true
}

output "kafka_password" {
  description = "MSK's password for the SCRAM user."
  value       = random_password.kafka.result
  sensitive   = true
}

output "app_secret_name" {
  description = "The Secrets Manager secret that erp-secrets is made from."
  value       = aws_secretsmanager_secret.app.name
}

output "signing_key_secret_name" {
  description = "The Secrets Manager secret the operator puts the token signing key in."
  value       = aws_secretsmanager_secret.signing_key.name
}

output "bootstrap_brokers_tls" {
  description = "The brokers' TLS listeners (CAMEL_COMPONENT_KAFKA_BROKERS)."
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}

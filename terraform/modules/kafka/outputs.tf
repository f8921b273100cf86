output "bootstrap_brokers_sasl_scram" {
  description = "The brokers' SASL/SCRAM listeners over TLS (CAMEL_COMPONENT_KAFKA_BROKERS)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_scram
}

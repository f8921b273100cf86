# k8s_servers_env is k8s/overlays/aws/servers.env: where the services find the managed servers (no secret in it).
output "k8s_servers_env" {
  description = "k8s/overlays/aws/servers.env: terraform output -raw k8s_servers_env > ../k8s/overlays/aws/servers.env"
  value       = <<-EOT
    # Written by: terraform -chdir=terraform output -raw k8s_servers_env > k8s/overlays/aws/servers.env
    CAMEL_COMPONENT_KAFKA_BROKERS=${module.kafka.bootstrap_brokers_sasl_scram}
    CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL=SASL_SSL
    CAMEL_COMPONENT_KAFKA_SASL_MECHANISM=SCRAM-SHA-512
    ERP_KAFKA_TOPIC_REPLICAS=3
    SPRING_DATASOURCE_URL=${module.mariadb.jdbc_url}
    SPRING_DATA_MONGODB_SSL_BUNDLE=rds
    SPRING_SSL_BUNDLE_PEM_RDS_TRUSTSTORE_CERTIFICATE=file:/app/rds-ca.pem
    SPRING_DATASOURCE_USERNAME=${module.mariadb.username}
    SPRING_DATA_REDIS_HOST=${module.redis.host}
    SPRING_DATA_REDIS_PORT=${module.redis.port}
    SPRING_DATA_REDIS_SSL_ENABLED=true
    ERP_REDIS_REPLICAS_TO_WAIT=${min(var.redis.replicas, 1)}
  EOT
}

output "cluster_name" {
  description = "The EKS cluster: aws eks update-kubeconfig --name <this>."
  value       = module.eks.cluster_name
}

output "image_repositories" {
  description = "Where to push each image (kustomize edit set image <name>=<url>:<tag>)."
  value       = module.registry.repository_urls
}

output "app_secret_name" {
  description = "The Secrets Manager secret that erp-secrets is made from (external-secrets.yaml)."
  value       = module.secrets.app_secret_name
}

output "signing_key_secret_name" {
  description = "The Secrets Manager secret to put the token signing key (PEM) in."
  value       = module.secrets.signing_key_secret_name
}

output "site_domain_name" {
  description = "CloudFront's host name of the site (the aliases' DNS records point at it)."
  value       = module.edge.domain_name
}

# The secrets of Kubernetes' erp-secrets, kept in Secrets Manager and copied into the cluster by the External Secrets
# operator (k8s/overlays/aws/external-secrets.yaml). Terraform makes the passwords (they are in its state, which must be
# encrypted: backend.tf); the token signing key it never sees: the operator puts it in (terraform/README.md).
resource "random_password" "database" {
  length  = 32
  special = false
}

resource "random_password" "documentdb" {
  length  = 32
  special = false
}

resource "random_password" "redis" {
  length  = 48
  special = false
}

# MSK's SCRAM user (modules/kafka keeps it for the brokers); letters and digits only: it goes inside the JAAS line
resource "random_password" "kafka" {
  length  = 32
  special = false
}

# ERP_DISPATCH_KEY: seals the gRPC dispatch between approval-request and approval-processing (32 bytes, base64)
resource "random_bytes" "dispatch_key" {
  length = 32
}

# ERP_METRICS_TOKEN: Prometheus's bearer token, which reads /actuator/prometheus and nothing else
resource "random_password" "metrics" {
  length  = 48
  special = false
}

resource "aws_kms_key" "secrets" {
  description         = "${var.name}: application secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "app" {
  name        = "${var.name}/app"
  description = "erp-secrets: the servers' passwords, the dispatch key and the metrics token (written by Terraform)"
  kms_key_id  = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id
  secret_string = jsonencode({
    SPRING_DATASOURCE_PASSWORD = random_password.database.result
    SPRING_DATA_MONGODB_URI    = var.mongodb_uri
    SPRING_DATA_REDIS_PASSWORD = random_password.redis.result
    # the services sign in to MSK with it (the protocol and mechanism are in servers.env)
    CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${var.kafka_username}\" password=\"${random_password.kafka.result}\";"
    # KEDA's Kafka scaler signs in as the same user (k8s/overlays/aws/keda-kafka-auth.yaml)
    KAFKA_SCRAM_USERNAME = var.kafka_username
    KAFKA_SCRAM_PASSWORD = random_password.kafka.result
    ERP_DISPATCH_KEY     = random_bytes.dispatch_key.base64
    ERP_METRICS_TOKEN    = random_password.metrics.result
  })
}

resource "aws_secretsmanager_secret" "signing_key" {
  name        = "${var.name}/signing-key"
  description = "erp-secrets' ERP_AUTH_SIGNING_KEY: the RSA key (PEM) that signs the tokens; put in by an operator, never by Terraform"
  kms_key_id  = aws_kms_key.secrets.arn
}

# The External Secrets operator reads these two and nothing else, through EKS Pod Identity.
resource "aws_iam_role" "external_secrets" {
  name = "${var.name}-external-secrets"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role_policy" "external_secrets" {
  name = "read-erp-secrets"
  role = aws_iam_role.external_secrets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = [aws_secretsmanager_secret.app.arn, aws_secretsmanager_secret.signing_key.arn]
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = aws_kms_key.secrets.arn
      },
    ]
  })
}

resource "aws_eks_pod_identity_association" "external_secrets" {
  cluster_name    = var.cluster_name
  namespace       = var.external_secrets_service_account.namespace
  service_account = var.external_secrets_service_account.name
  role_arn        = aws_iam_role.external_secrets.arn
}

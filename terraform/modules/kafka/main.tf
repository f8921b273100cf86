# The event backbone: MSK with TLS between clients and brokers and among brokers, reachable only from the cluster, and
# only by a client that signs in (SASL/SCRAM, user erp): being on the cluster's network is not enough.
# Topics are not created on first use: the services create theirs (KafkaTopicsInitializer, ERP_KAFKA_TOPIC_REPLICAS=3),
# so a typo in a topic name fails loudly instead of making a new topic.
module "access" {
  source                   = "../access"
  name                     = "${var.name}-msk"
  description              = "Kafka over TLS with SASL/SCRAM, from the EKS cluster only"
  vpc_id                   = var.vpc_id
  client_security_group_id = var.client_security_group_id
  port                     = 9096
}

resource "aws_msk_configuration" "this" {
  name           = var.name
  kafka_versions = [var.kafka_version]

  # A write is acknowledged once two of the three copies have it (the producers ask for acks=all); a copy that fell
  # behind never becomes the leader (no approval accepted and then lost).
  server_properties = <<-EOT
    auto.create.topics.enable=false
    default.replication.factor=3
    min.insync.replicas=2
    num.partitions=3
    unclean.leader.election.enable=false
    log.retention.hours=168
    offsets.retention.minutes=43200
  EOT
}

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/aws/msk/${var.name}"
  retention_in_days = 30
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.brokers

  broker_node_group_info {
    instance_type   = var.instance_type
    client_subnets  = var.subnet_ids
    security_groups = [module.access.security_group_id]

    storage_info {
      ebs_storage_info {
        volume_size = var.volume_size
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  # The security group lets in the cluster's nodes and pods; of those, only who signs in as erp (SCRAM over TLS).
  client_authentication {
    unauthenticated = false
    sasl {
      scram = true
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }

  # erp.kafka.consumer.lag is the services' own; MSK's per-topic figures besides, for the consoles
  enhanced_monitoring = "PER_TOPIC_PER_PARTITION"
}

# The SCRAM user erp: MSK reads it from a secret whose name starts AmazonMSK_, sealed with a key of our own (MSK refuses
# one sealed with Secrets Manager's default key). The services get the same password from erp-secrets (modules/secrets).
resource "aws_kms_key" "scram" {
  description         = "${var.name}: MSK's SCRAM users"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "scram" {
  name       = "AmazonMSK_${var.name}"
  kms_key_id = aws_kms_key.scram.arn
}

resource "aws_secretsmanager_secret_version" "scram" {
  secret_id     = aws_secretsmanager_secret.scram.id
  secret_string = jsonencode({ username = var.username, password = var.password })
}

# what the association would attach anyway; written down so that the next plan shows no difference
resource "aws_secretsmanager_secret_policy" "scram" {
  secret_arn = aws_secretsmanager_secret.scram.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AWSKafkaResourcePolicy"
      Effect    = "Allow"
      Principal = { Service = "kafka.amazonaws.com" }
      Action    = "secretsmanager:getSecretValue"
      Resource  = aws_secretsmanager_secret.scram.arn
    }]
  })
}

resource "aws_msk_scram_secret_association" "this" {
  cluster_arn     = aws_msk_cluster.this.arn
  secret_arn_list = [aws_secretsmanager_secret.scram.arn]

  depends_on = [aws_secretsmanager_secret_version.scram]
}

# The event backbone: MSK with TLS between clients and brokers and among brokers, reachable only from the cluster.
# Topics are not created on first use: the services create theirs (KafkaTopicsInitializer, ERP_KAFKA_TOPIC_REPLICAS=3),
# so a typo in a topic name fails loudly instead of making a new topic.
module "access" {
  source                   = "../access"
  name                     = "${var.name}-msk"
  description              = "Kafka over TLS, from the EKS cluster only"
  vpc_id                   = var.vpc_id
  client_security_group_id = var.client_security_group_id
  port                     = 9094
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

  # Who may connect is decided by the security group (the cluster's pods only); the connection itself is TLS.
  client_authentication {
    unauthenticated = true
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

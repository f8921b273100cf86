# approval-processing's state (steps, decisions, delegations) and notification's pub/sub and undelivered messages:
# ElastiCache for Redis OSS, one shard with replicas in other zones, TLS and AUTH, encrypted at rest, and snapshots
# for a week. Not cluster mode: the decision scripts touch several keys of one document at once.
resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

module "access" {
  source                   = "../access"
  name                     = "${var.name}-redis"
  description              = "Redis, from the EKS cluster only"
  vpc_id                   = var.vpc_id
  client_security_group_id = var.client_security_group_id
  port                     = 6379
}

# Every key the services keep is needed. The marks that make redelivery harmless (erp:notified:*, a finished
# document's state) carry a TTL, and ElastiCache's default policy (volatile-lru) would evict exactly those first
# under memory pressure: a redelivered event would notify twice, a replayed submission restart a finished document.
# With noeviction a full Redis refuses writes (OOM), which the services retry as a store that is away: nothing lost.
resource "aws_elasticache_parameter_group" "this" {
  name   = var.name
  family = "redis${split(".", var.engine_version)[0]}"

  parameter {
    name  = "maxmemory-policy"
    value = "noeviction"
  }
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "erp-approval: approval-processing's state, notification's pub/sub"
  engine               = "redis"
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = 6379
  parameter_group_name = aws_elasticache_parameter_group.this.name

  num_cache_clusters         = 1 + var.replicas
  automatic_failover_enabled = var.replicas > 0
  multi_az_enabled           = var.replicas > 0

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [module.access.security_group_id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.auth_token

  snapshot_retention_limit   = 7
  auto_minor_version_upgrade = true
  apply_immediately          = false
}

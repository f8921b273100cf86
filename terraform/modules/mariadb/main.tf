# employee-service's relational store (employees, organisation, leave, attendance, quests, outbox): RDS for MariaDB,
# encrypted, TLS required, backed up for a week, in the data subnets, reachable only from the cluster.
resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

module "access" {
  source                   = "../access"
  name                     = "${var.name}-mariadb"
  description              = "MariaDB, from the EKS cluster only"
  vpc_id                   = var.vpc_id
  client_security_group_id = var.client_security_group_id
  port                     = 3306
}

resource "aws_db_parameter_group" "this" {
  name   = var.name
  family = "mariadb${join(".", slice(split(".", var.engine_version), 0, 2))}"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }

  # the schema and the names are Korean as often as not
  parameter {
    name  = "character_set_server"
    value = "utf8mb4"
  }

  parameter {
    name  = "collation_server"
    value = "utf8mb4_unicode_ci"
  }
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "mariadb"
  engine_version = var.engine_version
  instance_class = var.instance_class
  db_name        = "erp"
  username       = "erp"
  password       = var.password

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = var.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [module.access.security_group_id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false

  backup_retention_period    = 7
  auto_minor_version_upgrade = true
  copy_tags_to_snapshot      = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = !var.deletion_protection
  final_snapshot_identifier  = var.deletion_protection ? "${var.name}-final" : null

  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
}

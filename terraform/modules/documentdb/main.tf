# approval-request's document store (approval documents, their history, their files (첨부파일, up to 5 MB each), the
# outbox):
# DocumentDB with TLS required, encrypted, backed up for a week, reachable only from the cluster.
resource "aws_docdb_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

module "access" {
  source                   = "../access"
  name                     = "${var.name}-documentdb"
  description              = "DocumentDB, from the EKS cluster only"
  vpc_id                   = var.vpc_id
  client_security_group_id = var.client_security_group_id
  port                     = 27017
}

resource "aws_docdb_cluster_parameter_group" "this" {
  name   = var.name
  family = "docdb${join(".", slice(split(".", var.engine_version), 0, 2))}"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}

resource "aws_docdb_cluster" "this" {
  cluster_identifier              = var.name
  engine                          = "docdb"
  engine_version                  = var.engine_version
  master_username                 = "erp"
  master_password                 = var.password
  db_subnet_group_name            = aws_docdb_subnet_group.this.name
  vpc_security_group_ids          = [module.access.security_group_id]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.this.name
  storage_encrypted               = true
  backup_retention_period         = 7
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = !var.deletion_protection
  final_snapshot_identifier       = var.deletion_protection ? "${var.name}-final" : null
  enabled_cloudwatch_logs_exports = ["audit"]
}

resource "aws_docdb_cluster_instance" "this" {
  count              = var.instances
  identifier         = "${var.name}-${count.index}"
  cluster_identifier = aws_docdb_cluster.this.id
  instance_class     = var.instance_class
}

# erp-approval on AWS: the services on EKS (k8s/overlays/aws), their servers managed by AWS (MSK, RDS for MariaDB,
# DocumentDB, ElastiCache), the secrets in Secrets Manager, the images in ECR and CloudFront as the one public entry.
# See README.md for what is done before and after the apply (the signing key, the cluster's add-ons, the overlay).
data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  prefix = "${var.name}-${var.environment}"
  zones  = slice(data.aws_availability_zones.available.names, 0, var.zones)
  tags = {
    Project     = "erp-approval"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
  # the images of k8s/base, by the names its Deployments give them
  images = [
    "erp-approval/employee-service",
    "erp-approval/approval-request-service",
    "erp-approval/approval-processing-service",
    "erp-approval/notification-service",
    "erp-approval/ui",
  ]
}

module "network" {
  source             = "./modules/network"
  name               = local.prefix
  cidr               = var.vpc_cidr
  availability_zones = local.zones
  single_nat_gateway = var.single_nat_gateway
  cluster_name       = local.prefix
}

module "eks" {
  source               = "./modules/eks"
  name                 = local.prefix
  kubernetes_version   = var.kubernetes_version
  subnet_ids           = module.network.private_subnet_ids
  public_access_cidrs  = var.cluster_public_access_cidrs
  admin_principal_arns = var.cluster_admin_principal_arns
  node_instance_types  = var.node_instance_types
  node_count           = var.node_count
}

module "secrets" {
  source       = "./modules/secrets"
  name         = local.prefix
  cluster_name = module.eks.cluster_name
  external_secrets_service_account = {
    namespace = "external-secrets"
    name      = "external-secrets"
  }
  mongodb_uri    = module.documentdb.mongodb_uri
  kafka_username = "erp"
}

module "mariadb" {
  source                   = "./modules/mariadb"
  name                     = local.prefix
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.data_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  instance_class           = var.database.instance_class
  engine_version           = var.database.engine_version
  allocated_storage        = var.database.allocated_storage
  max_allocated_storage    = var.database.max_allocated_storage
  multi_az                 = var.database.multi_az
  deletion_protection      = var.deletion_protection
  password                 = module.secrets.database_password
}

module "documentdb" {
  source                   = "./modules/documentdb"
  name                     = local.prefix
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.data_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  instance_class           = var.documentdb.instance_class
  instances                = var.documentdb.instances
  engine_version           = var.documentdb.engine_version
  deletion_protection      = var.deletion_protection
  password                 = module.secrets.documentdb_password
}

module "redis" {
  source                   = "./modules/redis"
  name                     = local.prefix
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.data_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  node_type                = var.redis.node_type
  replicas                 = var.redis.replicas
  engine_version           = var.redis.engine_version
  auth_token               = module.secrets.redis_auth_token
}

module "kafka" {
  source                   = "./modules/kafka"
  name                     = local.prefix
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.data_subnet_ids
  client_security_group_id = module.eks.cluster_security_group_id
  kafka_version            = var.kafka.version
  instance_type            = var.kafka.instance_type
  brokers                  = var.kafka.brokers
  volume_size              = var.kafka.volume_size
  username                 = "erp"
  password                 = module.secrets.kafka_password
}

module "registry" {
  source = "./modules/registry"
  images = local.images
}

module "edge" {
  source                      = "./modules/edge"
  name                        = local.prefix
  vpc_id                      = module.network.vpc_id
  vpc_cidr                    = module.network.vpc_cidr
  subnet_ids                  = module.network.private_subnet_ids
  node_autoscaling_group_name = module.eks.node_autoscaling_group_name
  node_security_group_id      = module.eks.cluster_security_group_id
  ingress_node_port           = var.ingress_node_port
  aliases                     = var.site_aliases
  certificate_arn             = var.site_certificate_arn
  price_class                 = "PriceClass_200"
}

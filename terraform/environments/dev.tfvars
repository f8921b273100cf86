# terraform plan -var-file=environments/dev.tfvars: the same shape, smaller and cheaper, and deletable.
environment         = "dev"
vpc_cidr            = "10.30.0.0/16"
single_nat_gateway  = true
deletion_protection = false

node_instance_types = ["t3.large"]
node_count          = { min = 2, desired = 2, max = 4 }

database = {
  instance_class        = "db.t4g.medium"
  engine_version        = "11.4"
  allocated_storage     = 20
  max_allocated_storage = 50
  multi_az              = false
}

documentdb = {
  instance_class = "db.t4g.medium"
  instances      = 1
  engine_version = "5.0.0"
}

redis = {
  node_type      = "cache.t4g.small"
  replicas       = 0
  engine_version = "7.1"
}

kafka = {
  version       = "3.9.x"
  instance_type = "kafka.t3.small"
  brokers       = 3
  volume_size   = 20
}

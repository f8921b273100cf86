# A managed server's door: a security group that lets in the cluster's security group on the server's port, and
# nothing else (no address range, no other port). Every server module (mariadb, documentdb, redis, kafka) uses it.
resource "aws_security_group" "this" {
  name        = var.name
  description = var.description
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "client" {
  security_group_id            = aws_security_group.this.id
  description                  = "from the cluster"
  referenced_security_group_id = var.client_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
}

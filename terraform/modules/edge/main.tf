# The one public entry: CloudFront over HTTPS in front of an internal Network Load Balancer, reached as a VPC origin
# (the load balancer has no public address; CloudFront reaches it over AWS's network from inside the VPC). The load
# balancer sends to ingress-nginx's node port on every node. Everything is passed through uncached (the APIs, the
# WebSocket, index.html) except the UI's assets, whose names change with their content.
resource "aws_security_group" "ingress" {
  name        = "${var.name}-ingress-nlb"
  description = "The ingress's load balancer: HTTP from CloudFront's VPC origin, inside the VPC"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "from_vpc_origin" {
  security_group_id = aws_security_group.ingress.id
  description       = "HTTP from CloudFront's VPC origin (its addresses are the VPC's)"
  cidr_ipv4         = var.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "to_nodes" {
  security_group_id            = aws_security_group.ingress.id
  description                  = "to ingress-nginx's node port"
  referenced_security_group_id = var.node_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = var.ingress_node_port
  to_port                      = var.ingress_node_port
}

resource "aws_vpc_security_group_ingress_rule" "nodes_from_load_balancer" {
  security_group_id            = var.node_security_group_id
  description                  = "ingress-nginx's node port from the ingress's load balancer"
  referenced_security_group_id = aws_security_group.ingress.id
  ip_protocol                  = "tcp"
  from_port                    = var.ingress_node_port
  to_port                      = var.ingress_node_port
}

resource "aws_lb" "ingress" {
  name                             = "${var.name}-ingress"
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = var.subnet_ids
  security_groups                  = [aws_security_group.ingress.id]
  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "ingress" {
  name     = "${var.name}-ingress"
  port     = var.ingress_node_port
  protocol = "TCP"
  vpc_id   = var.vpc_id
  # a node leaving is drained for as long as a pod's grace period
  deregistration_delay = 30

  health_check {
    protocol = "TCP"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.ingress.arn
  port              = 80
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingress.arn
  }
}

resource "aws_autoscaling_attachment" "nodes" {
  autoscaling_group_name = var.node_autoscaling_group_name
  lb_target_group_arn    = aws_lb_target_group.ingress.arn
}

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

# every header (Authorization, the WebSocket upgrade's), cookie and query string reaches the services
data "aws_cloudfront_origin_request_policy" "all_viewer" {
  name = "Managed-AllViewer"
}

data "aws_cloudfront_response_headers_policy" "security" {
  name = "Managed-SecurityHeadersPolicy"
}

resource "aws_cloudfront_vpc_origin" "ingress" {
  vpc_origin_endpoint_config {
    name                   = var.name
    arn                    = aws_lb.ingress.arn
    http_port              = 80
    https_port             = 443
    origin_protocol_policy = "http-only"

    origin_ssl_protocols {
      items    = ["TLSv1.2"]
      quantity = 1
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  comment         = "erp-approval: UI, APIs and notifications"
  aliases         = var.aliases
  price_class     = var.price_class
  http_version    = "http2and3"
  is_ipv6_enabled = true

  origin {
    origin_id   = "ingress"
    domain_name = aws_lb.ingress.dns_name

    vpc_origin_config {
      vpc_origin_id = aws_cloudfront_vpc_origin.ingress.id
    }
  }

  default_cache_behavior {
    target_origin_id           = "ingress"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer.id
    response_headers_policy_id = data.aws_cloudfront_response_headers_policy.security.id
    compress                   = true
  }

  ordered_cache_behavior {
    path_pattern               = "/assets/*"
    target_origin_id           = "ingress"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
    response_headers_policy_id = data.aws_cloudfront_response_headers_policy.security.id
    compress                   = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = length(var.aliases) == 0
    acm_certificate_arn            = length(var.aliases) == 0 ? null : var.certificate_arn
    ssl_support_method             = length(var.aliases) == 0 ? null : "sni-only"
    minimum_protocol_version       = length(var.aliases) == 0 ? "TLSv1" : "TLSv1.2_2021"
  }
}

output "domain_name" {
  description = "CloudFront's host name for the site (point the aliases' DNS records at it)."
  value       = aws_cloudfront_distribution.this.domain_name
}

terraform {
  # 1.10: the S3 backend locks with a lock file in the bucket (no DynamoDB table)
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.82: CloudFront VPC origins (aws_cloudfront_vpc_origin)
      version = "~> 5.82"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

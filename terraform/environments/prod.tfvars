# terraform plan -var-file=environments/prod.tfvars
environment = "prod"

# cluster_admin_principal_arns = ["arn:aws:iam::<account-id>:role/<platform-admins>"]
# cluster_public_access_cidrs  = ["<office or CI runner>/32"]

# the site's own name, with an ACM certificate for it in us-east-1 (CloudFront's region)
# site_aliases         = ["approval.example.com"]
# site_certificate_arn = "arn:aws:acm:us-east-1:<account-id>:certificate/<id>"

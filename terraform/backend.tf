# The state is kept in S3, encrypted and locked; where exactly is given at `terraform init` with
# -backend-config=backend.hcl (see backend.hcl.example), so that no account's bucket is written here.
# The state holds the generated database and cache passwords: the bucket must be private, versioned and encrypted.
terraform {
  backend "s3" {}
}

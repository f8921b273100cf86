variable "name" {
  description = "Prefix of the secrets' names (name/app, name/signing-key)."
  type        = string
}

variable "cluster_name" {
  description = "The EKS cluster whose External Secrets operator reads the secrets."
  type        = string
}

variable "external_secrets_service_account" {
  description = "The External Secrets operator's service account: namespace and name (the Helm chart's defaults)."
  type = object({
    namespace = string
    name      = string
  })
}

variable "mongodb_uri" {
  description = "approval-request's connection string, with its password."
  type        = string
  sensitive   = true
}

variable "kafka_username" {
  description = "The SCRAM user the services sign in to MSK as."
  type        = string
}

variable "images" {
  description = "The images to keep, by the names the Kubernetes manifests give them (erp-approval/employee-service, ...)."
  type        = list(string)
}

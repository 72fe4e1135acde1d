variable "name" {
  description = "Name prefix of the bucket, policies and distribution, e.g. medicore-dev-portal."
  type        = string
}

variable "portal_host" {
  description = "The portal's public host name (the overlay's portal_host): the distribution's alias, the Host header the load balancer's Ingress rule matches."
  type        = string
}

variable "origin_host" {
  description = "A DNS name of the public load balancer (the Ingress's ALB) that CloudFront calls for /graphql, /config.json and /unsubscribe; its certificate must name portal_host."
  type        = string
}

variable "auth_url" {
  description = "Keycloak's public URL (https://<auth_host>): the only other origin the portal's scripts and forms may talk to (Content-Security-Policy)."
  type        = string
}

variable "upload_origin" {
  description = "Origin of the lab report bucket that presigned upload URLs name (https://<bucket>.s3.<region>.amazonaws.com), allowed in connect-src."
  type        = string
}

variable "acm_certificate_arn" {
  description = "ACM certificate for portal_host in us-east-1 (CloudFront's region for certificates)."
  type        = string
}

variable "web_acl_arn" {
  description = "A CloudFront-scope AWS WAF web ACL (us-east-1) for the distribution, or null for none: the regional ACL of modules/waf protects the load balancer behind it."
  type        = string
  default     = null
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100 serves from Europe and North America only."
  type        = string
  default     = "PriceClass_100"
}

variable "access_logs_bucket" {
  description = "Bucket receiving the portal bucket's server access logs (audit_logging's access logs bucket)."
  type        = string
}

variable "access_logs_prefix" {
  description = "Prefix of server access logs in that bucket; this bucket's go under <prefix><bucket name>/."
  type        = string
}

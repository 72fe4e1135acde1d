variable "name" {
  description = "Name of the service control policy."
  type        = string
  default     = "medicore-eu-regions-only"
}

variable "allowed_regions" {
  description = "Regions where requests are allowed (the platform's allowed_regions: the EU's)."
  type        = list(string)
  default     = ["eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1"]
}

variable "global_service_actions" {
  description = "Actions of global services, answered from us-east-1 whatever region the caller uses: never denied by region."
  type        = list(string)
  default = [
    "iam:*", "organizations:*", "account:*", "sts:*", "support:*", "health:*", "trustedadvisor:*",
    "cloudfront:*", "route53:*", "route53domains:*", "globalaccelerator:*", "waf:*", "shield:*",
    "budgets:*", "ce:*", "cur:*", "aws-portal:*", "billing:*", "pricing:*", "networkmanager:*",
    "s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock",
    "ec2:DescribeRegions",
  ]
}

variable "exempt_role_arns" {
  description = "Roles the policy never stops (break glass, the organisation's access role); patterns allowed."
  type        = list(string)
  default     = ["arn:aws:iam::*:role/OrganizationAccountAccessRole", "arn:aws:iam::*:role/medicore-break-glass"]
}

variable "target_ids" {
  description = "Roots, OUs or accounts the policy is attached to (empty: created, attached by hand)."
  type        = list(string)
  default     = []
}

# Who did what in the AWS account, kept where no service can change it (45 CFR 164.312(b)):
# CloudTrail with data events on the PHI stores, VPC flow logs, access logs of the load balancers
# and buckets, GuardDuty, AWS Config with AWS's HIPAA conformance pack, and the KMS key of every
# CloudWatch log group the platform creates.
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.region
  trail     = "${var.name}-trail"
  # Built, not read from the trail, so the bucket and key policies can name it before it exists.
  trail_arn = "arn:${local.partition}:cloudtrail:${local.region}:${local.account}:trail/${local.trail}"
  # An organisation trail writes under the organisation's id as well as under the account's.
  trail_owners = compact([local.account, var.organization_id])
  alb_prefix   = "alb"
  nlb_prefix   = "nlb"
  s3_prefix    = "s3/"
}

# One key for the audit bucket, the trail and the platform's log groups; key rotation on.
resource "aws_kms_key" "logs" {
  description         = "${var.name}: CloudTrail, AWS Config, VPC flow logs and CloudWatch log groups"
  enable_key_rotation = true
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${var.name}-logs"
  target_key_id = aws_kms_key.logs.key_id
}

resource "aws_kms_key_policy" "logs" {
  key_id = aws_kms_key.logs.id
  policy = data.aws_iam_policy_document.logs_key.json
}

# In a key policy, resource "*" is the key itself.
data "aws_iam_policy_document" "logs_key" {
  # AWS's default key policy: the account's IAM policies decide who else may use the key.
  statement {
    sid       = "AccountAdministersTheKey"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account}:root"]
    }
  }
  statement {
    sid       = "CloudTrailEncryptsItsLogs"
    actions   = ["kms:GenerateDataKey", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }
  statement {
    sid       = "CloudWatchLogsEncryptsThisAccountsLogGroups"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${local.region}:${local.account}:log-group:*"]
    }
  }
  statement {
    sid       = "FlowLogDeliveryEncryptsObjects"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

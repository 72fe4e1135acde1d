# Threat detection: GuardDuty on the account's API calls, DNS and flows, with S3 data events, the
# EKS audit log and runtime monitoring of the nodes (its agent as an EKS add-on GuardDuty manages),
# RDS sign-ins, Lambda network activity and malware scans of EBS volumes.
resource "aws_guardduty_detector" "this" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

locals {
  guardduty_features = {
    S3_DATA_EVENTS         = []
    EKS_AUDIT_LOGS         = []
    EBS_MALWARE_PROTECTION = []
    RDS_LOGIN_EVENTS       = []
    LAMBDA_NETWORK_LOGS    = []
    RUNTIME_MONITORING     = ["EKS_ADDON_MANAGEMENT"]
  }
}

resource "aws_guardduty_detector_feature" "this" {
  for_each    = local.guardduty_features
  detector_id = aws_guardduty_detector.this.id
  name        = each.key
  status      = "ENABLED"
  dynamic "additional_configuration" {
    for_each = each.value
    content {
      name   = additional_configuration.value
      status = "ENABLED"
    }
  }
}

# AWS Config: every supported resource's configuration history, delivered encrypted to the audit
# bucket, judged by AWS's conformance pack "Operational Best Practices for HIPAA Security".
data "aws_iam_policy_document" "config_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "config" {
  name               = "${var.name}-config"
  assume_role_policy = data.aws_iam_policy_document.config_assume.json
}

resource "aws_iam_role_policy_attachment" "config" {
  role       = aws_iam_role.config.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWS_ConfigRole"
}

locals {
  config_prefix = "config/AWSLogs/${local.account}/Config/"
}

data "aws_iam_policy_document" "config_delivery" {
  statement {
    sid       = "CheckTheAuditBucket"
    actions   = ["s3:GetBucketAcl", "s3:ListBucket"]
    resources = [aws_s3_bucket.audit.arn]
  }
  statement {
    sid       = "WriteConfigurationHistory"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.audit.arn}/${local.config_prefix}*"]
  }
  statement {
    sid       = "EncryptWithTheLogsKey"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.logs.arn]
  }
}

resource "aws_iam_role_policy" "config_delivery" {
  name   = "deliver-to-audit-bucket"
  role   = aws_iam_role.config.id
  policy = data.aws_iam_policy_document.config_delivery.json
}

resource "aws_config_configuration_recorder" "this" {
  name     = var.name
  role_arn = aws_iam_role.config.arn
  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_delivery_channel" "this" {
  name           = var.name
  s3_bucket_name = aws_s3_bucket.audit.id
  s3_key_prefix  = "config"
  s3_kms_key_arn = aws_kms_key.logs.arn
  snapshot_delivery_properties {
    delivery_frequency = "TwentyFour_Hours"
  }
  depends_on = [aws_config_configuration_recorder.this, aws_iam_role_policy.config_delivery]
}

resource "aws_config_configuration_recorder_status" "this" {
  name       = aws_config_configuration_recorder.this.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.this]
}

resource "aws_config_conformance_pack" "hipaa" {
  name            = "${var.name}-hipaa-security"
  template_s3_uri = var.conformance_pack_template_s3_uri
  depends_on      = [aws_config_configuration_recorder_status.this]
}

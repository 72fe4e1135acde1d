# Two log buckets, because the deliveries accept different encryption: CloudTrail, AWS Config and
# VPC flow logs write SSE-KMS with the logs key; load balancer and S3 server access logs only
# SSE-S3. Both versioned, private, TLS only, archived to Glacier and expired after archive_days.
locals {
  log_buckets = {
    audit  = "${var.name}-audit-logs-${local.account}"
    access = "${var.name}-access-logs-${local.account}"
  }
}

resource "aws_s3_bucket" "audit" {
  bucket        = local.log_buckets.audit
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket" "access" {
  bucket        = local.log_buckets.access
  force_destroy = var.force_destroy
}

locals {
  # Where each delivery writes (object key prefixes): a statement admits its own only.
  trail_prefixes  = [for owner in local.trail_owners : "cloudtrail/AWSLogs/${owner}/"]
  flow_log_prefix = "flow-logs/AWSLogs/${local.account}/"
  alb_objects     = "${local.alb_prefix}/AWSLogs/${local.account}/"
  nlb_objects     = "${local.nlb_prefix}/AWSLogs/${local.account}/"
  log_bucket_ids  = { audit = aws_s3_bucket.audit.id, access = aws_s3_bucket.access.id }
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  for_each = local.log_bucket_ids
  bucket   = each.value
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  for_each                = local.log_bucket_ids
  bucket                  = each.value
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "logs" {
  for_each = local.log_bucket_ids
  bucket   = each.value
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit" {
  bucket = aws_s3_bucket.audit.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access" {
  bucket = aws_s3_bucket.access.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  for_each = local.log_bucket_ids
  bucket   = each.value
  rule {
    id     = "archive-then-expire"
    status = "Enabled"
    filter {}
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    expiration {
      days = var.archive_days
    }
    noncurrent_version_expiration {
      noncurrent_days = var.archive_days
    }
  }
  depends_on = [aws_s3_bucket_versioning.logs]
}

# The audit bucket's own reads and writes are logged into the access bucket.
resource "aws_s3_bucket_logging" "audit" {
  bucket        = aws_s3_bucket.audit.id
  target_bucket = aws_s3_bucket.access.id
  target_prefix = "${local.s3_prefix}${aws_s3_bucket.audit.id}/"
}

data "aws_elb_service_account" "current" {}

data "aws_iam_policy_document" "audit_bucket" {
  statement {
    sid       = "DenyPlainHttp"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.audit.arn, "${aws_s3_bucket.audit.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    sid       = "CloudTrailChecksTheBucket"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.audit.arn]
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
    sid       = "CloudTrailWritesItsLogs"
    actions   = ["s3:PutObject"]
    resources = [for prefix in local.trail_prefixes : "${aws_s3_bucket.audit.arn}/${prefix}*"]
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
    sid       = "FlowLogDeliveryChecksTheBucket"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.audit.arn]
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
  statement {
    sid       = "FlowLogDeliveryWritesFlowLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.audit.arn}/${local.flow_log_prefix}*"]
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

data "aws_iam_policy_document" "access_bucket" {
  statement {
    sid       = "DenyPlainHttp"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.access.arn, "${aws_s3_bucket.access.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    sid       = "S3ServerAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.access.arn}/${local.s3_prefix}*"]
    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
  # Application Load Balancers deliver as the region's Elastic Load Balancing account.
  statement {
    sid       = "ApplicationLoadBalancerAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.access.arn}/${local.alb_objects}*"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.current.arn]
    }
  }
  statement {
    sid       = "NetworkLoadBalancerLogDeliveryChecksTheBucket"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.access.arn]
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
  statement {
    sid       = "NetworkLoadBalancerAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.access.arn}/${local.nlb_objects}*"]
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

resource "aws_s3_bucket_policy" "audit" {
  bucket     = aws_s3_bucket.audit.id
  policy     = data.aws_iam_policy_document.audit_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.logs]
}

resource "aws_s3_bucket_policy" "access" {
  bucket     = aws_s3_bucket.access.id
  policy     = data.aws_iam_policy_document.access_bucket.json
  depends_on = [aws_s3_bucket_public_access_block.logs]
}

data "aws_caller_identity" "current" {}

# Where lab-processor's code puts a lab's result messages (LabMessageIntake): dropped, answered, kept.
locals {
  drop_prefix     = "hl7/"
  acks_prefix     = "hl7-acks/"
  received_prefix = "hl7-received/"
}

resource "aws_kms_key" "this" {
  description         = "${var.bucket_name}: S3 encryption of lab reports (PHI)"
  enable_key_rotation = true
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.bucket_name}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "expire-quarantine"
    status = "Enabled"
    filter {
      prefix = var.quarantine_prefix
    }
    expiration {
      days = var.quarantine_expiration_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  # A lab's result message leaves the drop folder once taken (moved under its report, or to
  # hl7-received/ when it became none); the version the move leaves behind still prints the
  # patient, and nothing looks for it there, so it goes the next day.
  rule {
    id     = "taken-drops"
    status = "Enabled"
    filter {
      prefix = local.drop_prefix
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  rule {
    id     = "old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

# Deny statements only: they narrow access for everyone (Allow is granted per role, by ARN).
data "aws_iam_policy_document" "bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    sid     = "DenyUnencryptedOrForeignKeyUploads"
    effect  = "Deny"
    actions = ["s3:PutObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["${aws_s3_bucket.this.arn}/*"]
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.this.arn]
    }
  }
}

# What lab-processor (the Lambda and the Deployment) may do in the bucket: sign upload URLs
# for uploads/ (the browser's PUT runs with these rights), read, quarantine and remove uploads,
# and HeadBucket for its readiness (which S3 authorizes as ListBucket).
data "aws_iam_policy_document" "processor" {
  statement {
    sid       = "SignReadAndRemoveUploads"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:GetObjectVersion", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.this.arn}/${var.uploads_prefix}*"]
  }
  statement {
    sid       = "Quarantine"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.this.arn}/${var.quarantine_prefix}*"]
  }
  # Result messages labs drop as files (lab-processor README, "HL7 v2 result messages"): taken from
  # the drop folder, answered beside it, kept under hl7-received/.
  statement {
    sid       = "TakeDroppedMessages"
    actions   = ["s3:GetObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.this.arn}/${local.drop_prefix}*"]
  }
  statement {
    sid       = "AnswerAndKeepMessages"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.this.arn}/${local.acks_prefix}*", "${aws_s3_bucket.this.arn}/${local.received_prefix}*"]
  }
  statement {
    sid       = "BucketReadiness"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]
  }
  statement {
    sid       = "LabReportKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.this.arn]
  }
}

# What the lab-processor Deployment alone (not the Lambda) may do for a GDPR erasure (PatientErased): list
# a report's versions and delete markers and delete each by its version id, under uploads/,
# quarantine/ and hl7-received/ (a result message kept under its report). DeleteObjects is authorized per key as these. The bucket has no Object Lock, so nothing
# holds a version back (the lifecycle's noncurrent expiry would only end them later).
data "aws_iam_policy_document" "eraser" {
  statement {
    sid       = "ListReportVersions"
    actions   = ["s3:ListBucketVersions"]
    resources = [aws_s3_bucket.this.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.uploads_prefix}*", "${var.quarantine_prefix}*", "${local.received_prefix}*"]
    }
  }
  statement {
    sid     = "DeleteReportVersions"
    actions = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
    resources = [
      "${aws_s3_bucket.this.arn}/${var.uploads_prefix}*",
      "${aws_s3_bucket.this.arn}/${var.quarantine_prefix}*",
      "${aws_s3_bucket.this.arn}/${local.received_prefix}*",
    ]
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket     = aws_s3_bucket.this.id
  policy     = data.aws_iam_policy_document.bucket.json
  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_lambda_permission" "s3_invoke" {
  statement_id   = "AllowInvokeFromLabReportBucket"
  action         = "lambda:InvokeFunction"
  function_name  = var.processor_function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.this.arn
  source_account = data.aws_caller_identity.current.account_id
}

resource "aws_s3_bucket_notification" "this" {
  bucket = aws_s3_bucket.this.id
  lambda_function {
    lambda_function_arn = var.processor_function_arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = var.uploads_prefix
    filter_suffix       = ".pdf"
  }
  lambda_function {
    lambda_function_arn = var.processor_function_arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = local.drop_prefix
  }
  depends_on = [aws_lambda_permission.s3_invoke]
}

# Every request to the bucket, also those CloudTrail's data events leave out (e.g. refused ones),
# as server access logs in the access logs bucket.
resource "aws_s3_bucket_logging" "this" {
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.access_logs_bucket
  target_prefix = "${var.access_logs_prefix}${var.bucket_name}/"
}

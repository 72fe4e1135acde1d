# AWS Backup of the databases: a daily recovery point of each RDS instance and DynamoDB table,
# kept retention_days, and copied to a vault in a second region (the provider aws.copy, an EU
# region too), both encrypted with keys of their own and, in production, locked against
# deletion. Point-in-time recovery of RDS (its own backups) and DynamoDB (PITR) stays on as well:
# those answer "an hour ago", these answer "the region is gone" and "someone deleted the backups".
resource "aws_kms_key" "this" {
  description         = "${var.name}: backup vault"
  enable_key_rotation = true
}

resource "aws_kms_key" "copy" {
  provider            = aws.copy
  description         = "${var.name}: backup copy vault"
  enable_key_rotation = true
}

resource "aws_backup_vault" "this" {
  name        = var.name
  kms_key_arn = aws_kms_key.this.arn
}

resource "aws_backup_vault" "copy" {
  provider    = aws.copy
  name        = "${var.name}-copy"
  kms_key_arn = aws_kms_key.copy.arn
}

resource "aws_backup_vault_lock_configuration" "this" {
  count               = var.vault_lock ? 1 : 0
  backup_vault_name   = aws_backup_vault.this.name
  min_retention_days  = var.retention_days
  max_retention_days  = var.retention_days * 3
  changeable_for_days = 3
}

resource "aws_backup_vault_lock_configuration" "copy" {
  count               = var.vault_lock ? 1 : 0
  provider            = aws.copy
  backup_vault_name   = aws_backup_vault.copy.name
  min_retention_days  = var.retention_days
  max_retention_days  = var.retention_days * 3
  changeable_for_days = 3
}

# DynamoDB recovery points can be copied to another region only with AWS Backup's own
# (advanced) DynamoDB backups.
resource "aws_backup_region_settings" "this" {
  resource_type_opt_in_preference = {
    "Aurora"   = false
    "DynamoDB" = true
    "EBS"      = false
    "EC2"      = false
    "EFS"      = false
    "FSx"      = false
    "RDS"      = true
    "S3"       = false
  }
  resource_type_management_preference = {
    "DynamoDB" = true
    "EFS"      = false
  }
}

resource "aws_backup_plan" "this" {
  name = var.name

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 2 * * ? *)"
    start_window      = 60
    completion_window = 360
    lifecycle {
      delete_after = var.retention_days
    }
    copy_action {
      destination_vault_arn = aws_backup_vault.copy.arn
      lifecycle {
        delete_after = var.retention_days
      }
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-backup"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = toset([
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
  ])
  role       = aws_iam_role.this.name
  policy_arn = each.value
}

resource "aws_backup_selection" "this" {
  name         = var.name
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.this.arn
  resources    = values(var.resource_arns)
}

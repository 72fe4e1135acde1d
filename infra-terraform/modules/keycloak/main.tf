# Keycloak runs on EKS (infra-terraform/kubernetes/base/keycloak); this module gives it its own
# RDS PostgreSQL 17 instance and its credentials in Secrets Manager.
resource "random_password" "db" {
  length  = 32
  special = false
}

resource "random_password" "admin" {
  length  = 32
  special = false
}

module "database" {
  source                    = "../rds"
  name                      = "${var.name}-keycloak"
  database_name             = "keycloak"
  master_username           = "keycloak"
  master_password           = random_password.db.result
  instance_class            = var.db_instance_class
  allocated_storage_gb      = 20
  multi_az                  = var.multi_az
  deletion_protection       = var.deletion_protection
  backup_retention_days     = var.backup_retention_days
  vpc_id                    = var.vpc_id
  subnet_ids                = var.subnet_ids
  client_security_group_ids = var.client_security_group_ids
  log_retention_days        = var.log_retention_days
  log_kms_key_arn           = var.log_kms_key_arn
}

locals {
  secrets = {
    "keycloak-db" = {
      jdbc_url = "jdbc:postgresql://${module.database.address}:${module.database.port}/${module.database.database_name}?sslmode=require"
      username = "keycloak"
      password = random_password.db.result
    }
    "keycloak-admin" = {
      username = "keycloak-admin"
      password = random_password.admin.result
    }
  }
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = local.secrets
  name                    = "${var.name}/${each.key}"
  description             = "Keycloak: ${each.key}"
  kms_key_id              = var.secrets_kms_key_arn
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each      = local.secrets
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = jsonencode(each.value)
}

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "ReadKeycloakSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [for secret in aws_secretsmanager_secret.this : secret.arn]
  }
}

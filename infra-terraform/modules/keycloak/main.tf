# Keycloak runs on EKS (infra-terraform/kubernetes/base/keycloak); this module gives it its own
# RDS PostgreSQL 17 instance and its credentials in Secrets Manager.
resource "random_password" "db" {
  length  = 32
  special = false
}

resource "random_password" "provisioner" {
  length  = 32
  special = false
}

resource "random_password" "admin" {
  length  = 32
  special = false
}

# The instance's first database is the provisioner's; postgres-init creates "keycloak" owned by
# Keycloak's login (a database RDS makes belongs to the master).
module "database" {
  source                    = "../rds"
  name                      = "${var.name}-keycloak"
  database_name             = "provisioning"
  master_username           = "keycloak_admin"
  master_secret_kms_key_arn = var.secrets_kms_key_arn
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
  connection = {
    engine    = "postgres"
    host      = module.database.address
    port      = tostring(module.database.port)
    dbname    = module.database.database_name
    masterarn = module.database.master_user_secret_arn
    # the rotation functions' verify-full, without their fallback to no TLS (../secrets)
    ssl = true
  }
  # Keycloak signs in as its own login, which owns its database, never as the master; the
  # provisioner (CREATEROLE, CREATEDB) creates that login (README.md, "Database logins").
  logins = {
    "keycloak-db" = {
      rotation = var.rotation_lambda_arns["multi-keycloak"]
      value = merge(local.connection, {
        dbname   = "keycloak"
        jdbc_url = "jdbc:postgresql://${module.database.address}:${module.database.port}/keycloak?${var.jdbc_tls_parameters}"
        username = "keycloak"
        password = random_password.db.result
      })
    }
    "keycloak-db-provisioner" = {
      rotation = var.rotation_lambda_arns["single"]
      value = merge(local.connection, {
        username = "keycloak_provisioner"
        password = random_password.provisioner.result
      })
    }
  }
  secrets = merge({ for key, login in local.logins : key => login.value }, {
    "keycloak-admin" = {
      username = "keycloak-admin"
      password = random_password.admin.result
    }
  })
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = local.secrets
  name                    = "${var.name}/${each.key}"
  description             = "Keycloak: ${each.key}"
  kms_key_id              = var.secrets_kms_key_arn
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_secretsmanager_secret_version" "admin" {
  secret_id     = aws_secretsmanager_secret.this["keycloak-admin"].id
  secret_string = jsonencode(local.secrets["keycloak-admin"])
}

# A login's first value; from then on its rotation writes it.
resource "aws_secretsmanager_secret_version" "login" {
  for_each      = local.logins
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = jsonencode(each.value.value)
  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_secretsmanager_secret_rotation" "login" {
  for_each            = local.logins
  secret_id           = aws_secretsmanager_secret.this[each.key].id
  rotation_lambda_arn = each.value.rotation
  # The first rotation after a period, not at once: the logins exist only after the
  # provisioners and postgres-init have run.
  rotate_immediately = false
  rotation_rules {
    automatically_after_days = var.rotation_days
  }
  depends_on = [aws_secretsmanager_secret_version.login]
}

data "aws_iam_policy_document" "read" {
  statement {
    sid       = "ReadKeycloakSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [for secret in aws_secretsmanager_secret.this : secret.arn]
  }
}

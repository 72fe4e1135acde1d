output "vault_name" {
  description = "Backup vault in the environment's region (restores start here)."
  value       = aws_backup_vault.this.name
}

output "copy_vault_arn" {
  description = "Backup vault in the copy region, which receives a copy of every recovery point."
  value       = aws_backup_vault.copy.arn
}

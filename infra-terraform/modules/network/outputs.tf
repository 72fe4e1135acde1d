output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets (load balancers, NAT gateways), one per availability zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets (nodes, databases, brokers, Lambda), one per availability zone."
  value       = aws_subnet.private[*].id
}

output "balancer_subnet_ids" {
  description = "Subnets of the internal load balancers, one per availability zone; nothing else lives there."
  value       = aws_subnet.balancer[*].id
}

output "public_range" {
  description = "The VPC's first half, holding every public subnet (the internet-facing load balancer's addresses)."
  value       = local.public_range
}

output "private_range" {
  description = "The VPC's second half, holding every private subnet (nodes, pods, databases, brokers) and the balancers' subnets."
  value       = local.private_range
}

output "balancer_range" {
  description = "The range of the balancers' subnets (inside private_range)."
  value       = local.balancer_range
}

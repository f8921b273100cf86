output "jdbc_url" {
  description = "employee-service's SPRING_DATASOURCE_URL: TLS, the server's certificate checked against the trust store."
  value       = "jdbc:mariadb://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}?sslMode=verify-full"
}

output "username" {
  description = "The application's user."
  value       = aws_db_instance.this.username
}

output "jdbc_url" {
  description = "employee-service's SPRING_DATASOURCE_URL: TLS, the server's certificate checked against AWS's RDS authorities (in the image)."
  value       = "jdbc:mariadb://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}?sslMode=verify-full&serverSslCert=/app/rds-ca.pem"
}

output "username" {
  description = "The application's user."
  value       = aws_db_instance.this.username
}

-- Run once by the MariaDB image on an empty data volume (compose.yaml mounts this directory at
-- /docker-entrypoint-initdb.d). The image itself creates the database `luckify` and the user luckify/luckify;
-- the tests need `luckify_test` too, as scripts/services.sh creates on a machine without Docker.
CREATE DATABASE IF NOT EXISTS luckify_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL ON luckify_test.* TO 'luckify'@'%';

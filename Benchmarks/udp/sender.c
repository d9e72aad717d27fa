/* Sends COUNT copies of a DogStatsD line to HOST:PORT at RATE datagrams/s (0: as fast as possible). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s HOST PORT COUNT RATE LINE\n", argv[0]);
        return 2;
    }
    long count = atol(argv[3]);
    double rate = atof(argv[4]);
    const char *line = argv[5];
    size_t length = strlen(line);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons(atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &address.sin_addr);
    double start = now();
    for (long i = 0; i < count; i++) {
        if (sendto(fd, line, length, 0, (struct sockaddr *)&address, sizeof address) < 0) perror("sendto");
        if (rate > 0 && i % 100 == 0) {
            double due = start + i / rate;
            while (now() < due) { }
        }
    }
    double elapsed = now() - start;
    printf("sent %ld datagrams in %.3f s (%.0f/s)\n", count, elapsed, count / elapsed);
    return 0;
}

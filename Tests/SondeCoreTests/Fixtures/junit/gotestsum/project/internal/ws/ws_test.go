package ws

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestDial(t *testing.T) {
	t.Fatal("server rejected WebSocket connection: HTTP 500")
}

func TestCompression(t *testing.T) {
	t.Skip("compression off on staging")
}

func TestPing(t *testing.T) {}

// Fails on its first try and passes on the next: the generator empties FLAKY_STATE first.
func TestReconnect(t *testing.T) {
	path := filepath.Join(os.Getenv("FLAKY_STATE"), "reconnect")
	data, _ := os.ReadFile(path)
	tries, _ := strconv.Atoi(string(data))
	tries++
	_ = os.WriteFile(path, []byte(strconv.Itoa(tries)), 0o644)
	if tries < 2 {
		t.Fatalf("reconnect took 5.2s, want under 1s")
	}
}

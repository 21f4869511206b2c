"""What the skill-contest tab adds to the shared registry pieces (desktop/ui/common)."""

public enum CommonMarkPlaceholder {}
